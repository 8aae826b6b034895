package nl.vermissing.intake.command;

import java.util.Optional;
import nl.vermissing.platform.crypto.DataKeyStore;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.FieldEncryption;
import nl.vermissing.platform.kafka.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Crypto-shredding: deleting a youth's data key makes every sealed copy of their personal data unreadable, in every
 * topic, changelog and store of every service that shares the key store.
 */
@Component
public class KeyErasure {

  private static final Logger log = LoggerFactory.getLogger(KeyErasure.class);

  private final Optional<DataKeyStore> keys;

  public KeyErasure(PlatformProperties platform) {
    this.keys = EncryptionConfig.fieldEncryption(platform.registryConfig()).map(FieldEncryption::keyStore);
  }

  public void erase(String youthId) {
    if (keys.isEmpty()) {
      log.warn("encryption is off: the personal data of youth {} stays readable in the event log", youthId);
      return;
    }
    keys.get().erase(youthId);
  }
}
