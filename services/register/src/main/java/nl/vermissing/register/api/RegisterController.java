package nl.vermissing.register.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.register.domain.Dimension;
import nl.vermissing.register.domain.Disclosure;
import nl.vermissing.register.domain.Figure;
import nl.vermissing.register.domain.Statistics;
import nl.vermissing.register.domain.StatisticsRow;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national register for national consumers (REGISTRY_CONSUMER) and auditors (AUDITOR), tenant "national":
 * pseudonymised episodes and figures. Consumers get small cells withheld; nobody gets an identity.
 */
@RestController
@RequestMapping("/api/register")
@Tag(name = "National vermissingen register", description = "Pseudonymised episodes and national statistics")
public class RegisterController {

  public static final String NATIONAL = "national";
  static final int MAX_LIMIT = 10_000;

  private final EpisodeView view;

  public RegisterController(EpisodeView view) {
    this.view = view;
  }

  @GetMapping("/episodes")
  @Operation(summary = "Pseudonymised episodes",
      description = "Episodes with t0 in the given month (or from/to months), oldest first. Each episode is keyed "
          + "by a keyed hash of the case id and carries only whitelisted fields: national pseudonym, age band, sex, "
          + "region, institution and placement type, times and outcome codes.")
  public EpisodesPage episodes(Actor actor,
      @Parameter(description = "Month of t0 (yyyy-MM, Europe/Amsterdam)") @RequestParam(required = false) String month,
      @Parameter(description = "First month (yyyy-MM), inclusive") @RequestParam(required = false) String from,
      @Parameter(description = "Last month (yyyy-MM), inclusive") @RequestParam(required = false) String to,
      @Parameter(description = "Only this region") @RequestParam(required = false) String region,
      @Parameter(description = "Maximum number of episodes (1-10000)") @RequestParam(defaultValue = "1000") int limit) {
    allow(actor);
    YearMonth lower = month(month != null ? "month" : "from", month != null ? month : from);
    YearMonth upper = month(month != null ? "month" : "to", month != null ? month : to);
    checkPeriod(lower, upper);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    List<RegisterEpisode> selected = new ArrayList<>();
    for (RegisterEpisode e : view.all()) {
      if (Statistics.inPeriod(e, lower, upper) && (region == null || region.equals(e.getRegion()))) {
        selected.add(e);
      }
    }
    selected.sort(Comparator.comparing(RegisterEpisode::getAbsenceAt).thenComparing(RegisterEpisode::getEpisodeId));
    List<EpisodeDto> page = selected.stream().limit(limit).map(EpisodeDto::of).toList();
    return new EpisodesPage(selected.size(), page.size(), page);
  }

  /** A page of episodes. */
  public record EpisodesPage(int total, int returned, List<EpisodeDto> episodes) {}

  @GetMapping("/statistics")
  @Operation(summary = "National statistics",
      description = "Figures per cell of the chosen dimensions (month = month of t0 in Europe/Amsterdam). Withdrawn "
          + "reports are not counted. For registry consumers every count from 1 to 4, and every figure derived from "
          + "such a count, is null and listed in 'suppressed'. Each figure's definition is in 'definitions'.")
  public StatisticsReport statistics(Actor actor,
      @Parameter(description = "Comma-separated: month, region, institutionType, ageBand, sex")
      @RequestParam(defaultValue = "month") String groupBy,
      @Parameter(description = "First month (yyyy-MM), inclusive") @RequestParam(required = false) String from,
      @Parameter(description = "Last month (yyyy-MM), inclusive") @RequestParam(required = false) String to) {
    allow(actor);
    List<Dimension> dimensions = dimensions(groupBy);
    YearMonth lower = month("from", from);
    YearMonth upper = month("to", to);
    checkPeriod(lower, upper);
    boolean suppress = !actor.has(Role.AUDITOR);
    List<StatisticsRow> rows = Statistics.compute(view.all(), dimensions, lower, upper, suppress);
    return new StatisticsReport(dimensions.stream().map(Dimension::parameter).toList(), from, to, suppress,
        Disclosure.MINIMUM_CELL, rows, definitions());
  }

  @GetMapping(value = "/statistics.csv", produces = "text/csv")
  @Operation(summary = "National statistics as CSV",
      description = "The same figures as /statistics, one row per cell, comma-separated (RFC 4180), decimal point. "
          + "A withheld figure reads \"<5\".")
  public ResponseEntity<byte[]> statisticsCsv(Actor actor,
      @RequestParam(defaultValue = "month") String groupBy,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    StatisticsReport report = statistics(actor, groupBy, from, to);
    String csv = StatisticsCsv.write(report);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-statistics.csv\"")
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/definitions")
  @Operation(summary = "Definitions of the figures", description = "Each figure's name and definition (nl, en).")
  public List<StatisticsReport.FigureDefinition> figureDefinitions(Actor actor) {
    allow(actor);
    return definitions();
  }

  private static List<StatisticsReport.FigureDefinition> definitions() {
    return Arrays.stream(Figure.values())
        .map(f -> new StatisticsReport.FigureDefinition(f.field(), f.nl(), f.en())).toList();
  }

  private static void allow(Actor actor) {
    actor.require(NATIONAL, Role.REGISTRY_CONSUMER, Role.AUDITOR);
  }

  private static List<Dimension> dimensions(String groupBy) {
    List<Dimension> dimensions = new ArrayList<>();
    for (String part : groupBy.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Dimension d = Dimension.parse(part);
      if (d == null) {
        throw ApiException.invalid("groupBy", "unknown dimension '" + part.trim()
            + "'; use month, region, institutionType, ageBand or sex");
      }
      if (!dimensions.contains(d)) {
        dimensions.add(d);
      }
    }
    return dimensions;
  }

  private static YearMonth month(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "expected a month as yyyy-MM, e.g. 2026-11");
    }
  }

  private static void checkPeriod(YearMonth from, YearMonth to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.invalid("to", "must not be before from");
    }
  }
}
