package nl.vermissing.register.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import nl.vermissing.register.domain.StatisticsRow;

/** National figures per cell, with the definition of each figure. */
@Schema(description = "National statistics. Figures withheld for privacy are null and listed in the row's "
    + "'suppressed' (shown as \"<5\").")
public record StatisticsReport(
    @Schema(description = "Dimensions of the cells, in order") List<String> groupBy,
    @Schema(description = "First month (yyyy-MM), inclusive; null = from the start") String from,
    @Schema(description = "Last month (yyyy-MM), inclusive; null = up to now") String to,
    @Schema(description = "true when small cells are withheld (registry consumers); auditors see all figures")
    boolean suppressionApplied,
    @Schema(description = "Counts from 1 up to this number minus one are withheld") int minimumCell,
    List<StatisticsRow> rows,
    List<FigureDefinition> definitions) {

  /** A figure's name (the row field) and its definition. */
  public record FigureDefinition(String field, String nl, String en) {}
}
