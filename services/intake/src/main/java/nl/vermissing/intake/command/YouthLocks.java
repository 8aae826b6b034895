package nl.vermissing.intake.command;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Commands about one youth (profile changes and everything on the youth's cases) run one at a time in this
 * instance, so that a state check and the write it allows cannot interleave with another command.
 */
@Component
public class YouthLocks {

  private final ReentrantLock[] stripes = new ReentrantLock[256];

  public YouthLocks() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  public <T> T with(String youthId, Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(youthId.hashCode(), stripes.length)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
