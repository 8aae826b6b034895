package nl.vermissing.platform.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the HTTP status and, where one field is at fault, that field. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String field;
  private final transient Object existing;

  public ApiException(HttpStatus status, String field, String message, Object existing) {
    super(message);
    this.status = status;
    this.field = field;
    this.existing = existing;
  }

  /** 400: the field's value is not acceptable. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, message, null);
  }

  /** 409: the request conflicts with the current state, which is returned as {@code existing}. */
  public static ApiException conflict(String message, Object existing) {
    return new ApiException(HttpStatus.CONFLICT, null, message, existing);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, null, message, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, null, message, null);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }

  public Object existing() {
    return existing;
  }
}
