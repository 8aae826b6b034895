package nl.vermissing.platform.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;

/** Registers Tink's AEAD key managers once per JVM. */
final class TinkSetup {

  private static volatile boolean registered;

  private TinkSetup() {}

  static void ensureRegistered() {
    if (registered) {
      return;
    }
    synchronized (TinkSetup.class) {
      if (!registered) {
        try {
          AeadConfig.register();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("cannot register Tink AEAD", e);
        }
        registered = true;
      }
    }
  }
}
