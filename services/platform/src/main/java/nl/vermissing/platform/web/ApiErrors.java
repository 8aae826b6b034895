package nl.vermissing.platform.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refused request is answered as {@code application/problem+json} that names the field at fault; internal
 * messages and stack traces never reach the client.
 */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  /** One field and what is wrong with it. */
  public record FieldError(String field, String message) {}

  @ExceptionHandler(ApiException.class)
  public ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
      problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
    }
    if (e.existing() != null) {
      problem.setProperty("existing", e.existing());
    }
    return respond(problem);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  public ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
        .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.get(0).field());
    }
    problem.setProperty("errors", errors);
    return respond(problem);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    String field = JsonPaths.fieldOf(e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        field == null ? "request body is not valid JSON for this operation" : field + ": invalid value");
    if (field != null) {
      problem.setProperty("field", field);
      problem.setProperty("errors", List.of(new FieldError(field, "invalid value")));
    }
    return respond(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getName() + ": invalid value");
    problem.setProperty("field", e.getName());
    return respond(problem);
  }

  @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class})
  public ResponseEntity<ProblemDetail> missing(Exception e) {
    String name = e instanceof MissingRequestHeaderException h ? h.getHeaderName()
        : ((MissingServletRequestParameterException) e).getParameterName();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + ": required");
    problem.setProperty("field", name);
    return respond(problem);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "request too large"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  public ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "method not allowed"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type"));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  public ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "not found"));
  }

  /** A client that went away (e.g. closed a live feed) needs no answer and is no error. */
  @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
  public void clientGone() {
    // nothing to send
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "the request could not be completed; nothing was changed"));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

}
