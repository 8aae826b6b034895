package nl.vermissing.convenant.stream;

import nl.vermissing.events.AgreementVersion;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every version of every agreement in the global store, keyed "agreementId|version" (zero-padded), because a
 * decision must use the version in effect at its own moment, not merely the latest.
 */
final class AgreementStoreUpdater implements Processor<String, AgreementVersion, Void, Void> {

  private KeyValueStore<String, AgreementVersion> store;

  static String key(String agreementId, int version) {
    return agreementId + "|" + String.format("%010d", version);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(ConvenantTopology.AGREEMENT_STORE);
  }

  @Override
  public void process(Record<String, AgreementVersion> record) {
    AgreementVersion version = record.value();
    if (version != null) {
      store.put(key(version.getAgreementId(), version.getVersion()), version);
    }
  }
}
