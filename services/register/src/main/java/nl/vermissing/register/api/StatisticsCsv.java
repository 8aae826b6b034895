package nl.vermissing.register.api;

import java.util.Locale;
import nl.vermissing.register.domain.Figure;
import nl.vermissing.register.domain.StatisticsRow;

/** Writes statistics as RFC 4180 CSV: dimension columns, then one column per figure; withheld figures read "<5". */
final class StatisticsCsv {

  static final String WITHHELD = "<5";

  private StatisticsCsv() {}

  static String write(StatisticsReport report) {
    StringBuilder csv = new StringBuilder();
    for (String dimension : report.groupBy()) {
      csv.append(escape(dimension)).append(',');
    }
    Figure[] figures = Figure.values();
    for (int i = 0; i < figures.length; i++) {
      csv.append(figures[i].field()).append(i == figures.length - 1 ? "\r\n" : ",");
    }
    for (StatisticsRow row : report.rows()) {
      for (String dimension : report.groupBy()) {
        csv.append(escape(row.group().get(dimension))).append(',');
      }
      for (int i = 0; i < figures.length; i++) {
        csv.append(cell(row, figures[i])).append(i == figures.length - 1 ? "\r\n" : ",");
      }
    }
    return csv.toString();
  }

  private static String cell(StatisticsRow row, Figure figure) {
    if (row.suppressed().contains(figure.field())) {
      return WITHHELD;
    }
    Object value = row.value(figure);
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.4f", d);
    }
    return value.toString();
  }

  private static String escape(String value) {
    if (value == null) {
      return "";
    }
    // a leading formula character would be executed by spreadsheets
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
