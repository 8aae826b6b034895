package nl.vermissing.police.api;

import java.util.Optional;
import nl.vermissing.platform.crypto.DataKeyStore;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.FieldEncryption;
import nl.vermissing.platform.kafka.PlatformProperties;
import nl.vermissing.police.domain.CaseAlert;
import org.springframework.stereotype.Component;

/**
 * The feed view holds alerts decoded when they arrived; once a youth's data key is erased, what is shown of their
 * alerts drops every personal field, as the log itself now does.
 */
@Component
public class ErasedYouths {

  private final Optional<DataKeyStore> keys;

  public ErasedYouths(PlatformProperties platform) {
    this.keys = EncryptionConfig.fieldEncryption(platform.registryConfig()).map(FieldEncryption::keyStore);
  }

  public CaseAlert visible(CaseAlert alert) {
    String youthId = alert.youthId();
    if (youthId == null || keys.isEmpty() || !keys.get().isErased(youthId)) {
      return alert;
    }
    return alert.withoutPersonalData();
  }
}
