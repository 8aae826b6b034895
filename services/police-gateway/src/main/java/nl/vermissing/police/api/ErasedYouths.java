package nl.vermissing.police.api;

import java.util.Optional;
import nl.vermissing.platform.crypto.DataKeyStore;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.FieldEncryption;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.police.domain.CaseAlert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The feed view holds alerts decoded when they arrived; once a key of the youth has been erased, what is shown of
 * their alerts drops every personal field, as the log itself now does, also when a new key was created since.
 */
@Component
public class ErasedYouths {

  private final Optional<DataKeyStore> keys;

  @Autowired
  public ErasedYouths(PlatformProperties platform) {
    this(EncryptionConfig.fieldEncryption(platform.registryConfig()).map(FieldEncryption::keyStore));
  }

  ErasedYouths(Optional<DataKeyStore> keys) {
    this.keys = keys;
  }

  public CaseAlert visible(CaseAlert alert) {
    String youthId = alert.youthId();
    // hasErasedKeys, not isErased: another service may create a new key for the youth after the erasure, and the
    // data decoded here under the old key must stay hidden all the same
    if (youthId == null || keys.isEmpty() || !keys.get().hasErasedKeys(youthId)) {
      return alert;
    }
    return alert.withoutPersonalData();
  }
}
