package nl.vermissing.intake.api;

import nl.vermissing.intake.domain.DomainViolation;
import nl.vermissing.intake.stream.EventWriter;
import nl.vermissing.platform.web.ApiErrors;
import nl.vermissing.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain rule violations become 400 naming the field; an unacknowledged write becomes 503 (safe to retry). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IntakeErrors {

  private static final Logger log = LoggerFactory.getLogger(IntakeErrors.class);
  private final ApiErrors problems = new ApiErrors();

  @ExceptionHandler(DomainViolation.class)
  public ResponseEntity<ProblemDetail> violation(DomainViolation e) {
    return problems.api(ApiException.invalid(e.field(), e.getMessage()));
  }

  @ExceptionHandler(EventWriter.WriteFailed.class)
  public ResponseEntity<ProblemDetail> writeFailed(EventWriter.WriteFailed e) {
    log.error("write not acknowledged", e);
    return problems.api(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, null,
        "the change could not be stored; please retry with the same Idempotency-Key", null));
  }
}
