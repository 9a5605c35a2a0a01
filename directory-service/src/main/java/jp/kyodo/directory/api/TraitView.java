package jp.kyodo.directory.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TalentTrait", description = "A trait (特性) the guidelines attribute to the actor type")
public record TraitView(@Schema(description = "Code, e.g. EXPERTISE") String code,
        @Schema(description = "In Japanese, e.g. 専門性") String ja) {
}
