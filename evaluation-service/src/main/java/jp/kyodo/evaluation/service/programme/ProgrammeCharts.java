package jp.kyodo.evaluation.service.programme;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart and written as SVG by JFreeSVG: vector graphics inside the HTML (no script,
 * no image request), sharp on paper. Colours step in lightness as well as hue, so the series stay apart when printed
 * in black and white; text is SVG text in the reader's sans-serif font, so Japanese labels render wherever the page
 * is read.
 */
final class ProgrammeCharts {

    /** Dark to light: told apart in grey scale too. */
    private static final List<Color> PALETTE = List.of(new Color(0x1f3b73), new Color(0x4f7cc0), new Color(0x9db9e3),
            new Color(0x3d6b35), new Color(0x8fbf7f), new Color(0x7a4b1e), new Color(0xd9a35f), new Color(0x5a5a5a));

    static final int WIDTH = 640;
    static final int HEIGHT = 300;

    private ProgrammeCharts() {
    }

    /** Bars of several series per category, side by side (or stacked). */
    static String bars(String id, String valueLabel, Map<String, Map<String, ? extends Number>> seriesByCategory,
            boolean stacked, boolean horizontal) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        seriesByCategory.forEach((category, series) -> series.forEach((name, value) -> data.addValue(value, name, category)));
        PlotOrientation orientation = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(null, null, valueLabel, data, orientation, true, false, false)
                : ChartFactory.createBarChart(null, null, valueLabel, data, orientation, true, false, false);
        style(chart);
        return svg(id, chart, horizontal ? Math.max(HEIGHT, 60 + 36 * seriesByCategory.size()) : HEIGHT);
    }

    private static void style(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xbbbbbb));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setDrawBarOutline(true);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < PALETTE.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i));
            renderer.setSeriesOutlinePaint(i, Color.BLACK);
            renderer.setSeriesOutlineStroke(i, new BasicStroke(0.5f));
        }
    }

    private static String svg(String id, JFreeChart chart, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        // Several charts share one document: their clip paths must not share ids.
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
        return g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
    }
}
