package jp.kyodo.kernel;

/**
 * Who leads (協働の領域): B citizen-led with the city's help, C both equally, D city-led with citizens taking part.
 * Areas A (citizens alone) and E (the city alone) are not collaborations.
 */
public enum ActivityArea {
    /** 市民主導・行政支援: outcomes belong to the citizens' side by default. */
    B,
    /** 市民と行政が対等: outcome ownership is agreed per deliverable. */
    C,
    /** 行政主導・市民参加: outcomes belong to the city by default. */
    D
}
