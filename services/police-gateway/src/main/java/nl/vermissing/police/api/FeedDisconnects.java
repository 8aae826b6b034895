package nl.vermissing.police.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** A browser that closes its feed is normal, not an error: nothing to answer, nothing to log. */
@RestControllerAdvice(assignableTypes = FeedController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FeedDisconnects {

  @ExceptionHandler(AsyncRequestNotUsableException.class)
  public void disconnected(AsyncRequestNotUsableException e) {
    // the client went away; FeedHub drops its connection on the emitter's error callback
  }
}
