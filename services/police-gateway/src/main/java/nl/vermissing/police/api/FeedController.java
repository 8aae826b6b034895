package nl.vermissing.police.api;

import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import nl.vermissing.police.stream.FeedPosition;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed of a unit (Server-Sent Events): new alerts, updates, cancellations, acknowledgements, escalations
 * and police updates, pushed as they are read from the topics. Every event carries an id (its feed position); a
 * reconnect with {@code Last-Event-ID} (or {@code lastEventId}, e.g. the position of the alert list just loaded)
 * continues exactly after it. The duty officer's feed carries only escalations and what becomes of them.
 */
@RestController
@RequestMapping("/api/police/units/{unit}")
public class FeedController {

  private final FeedHub hub;
  private final UnitAccess access;

  public FeedController(FeedHub hub, UnitAccess access) {
    this.hub = hub;
    this.access = access;
  }

  @GetMapping(path = "/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter feed(Actor actor, @PathVariable String unit,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "lastEventId", required = false) String fromPosition) {
    access.requirePolice(actor, unit);
    return hub.subscribe(unit, FeedHub.Audience.UNIT, position(lastEventId, fromPosition));
  }

  @GetMapping(path = "/duty-officer/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter dutyOfficerFeed(Actor actor, @PathVariable String unit,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(name = "lastEventId", required = false) String fromPosition) {
    actor.require(unit, Role.DUTY_OFFICER);
    return hub.subscribe(unit, FeedHub.Audience.DUTY_OFFICER, position(lastEventId, fromPosition));
  }

  /** The header (set by the browser on reconnect) wins over the parameter (set by the page on first connect). */
  static FeedPosition position(String header, String parameter) {
    String text = header != null && !header.isBlank() ? header : parameter;
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return FeedPosition.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(header != null && !header.isBlank() ? "Last-Event-ID" : "lastEventId",
          "not a feed position; load the alert list and use its feedPosition");
    }
  }
}
