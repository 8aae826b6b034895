package nl.vermissing.convenant.stream;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.nio.ByteBuffer;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.convenant.domain.CaseState;
import nl.vermissing.events.CaseEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a case state as [length][JSON of the scalars][absence event in the registry's Avro wire format], so that
 * the embedded youth snapshot keeps its schema id and survives schema evolution.
 */
public final class CaseStateSerde implements Serde<CaseState> {

  private static final JsonMapper JSON = JsonMapper.builder()
      .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
          .withVisibility(PropertyAccessor.FIELD, Visibility.PUBLIC_ONLY))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final Serde<CaseEvent> events;

  public CaseStateSerde(Serde<CaseEvent> events) {
    this.events = events;
  }

  @Override
  public Serializer<CaseState> serializer() {
    return (topic, state) -> {
      if (state == null) {
        return null;
      }
      byte[] json = JSON.writeValueAsBytes(state);
      byte[] absence = state.absence == null ? new byte[0]
          : events.serializer().serialize(Topics.CASE_EVENTS.name(), state.absence);
      return ByteBuffer.allocate(4 + json.length + absence.length).putInt(json.length).put(json).put(absence)
          .array();
    };
  }

  @Override
  public Deserializer<CaseState> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      int length = buffer.getInt();
      CaseState state = JSON.readValue(bytes, 4, length, CaseState.class);
      int rest = bytes.length - 4 - length;
      if (rest > 0) {
        byte[] absence = new byte[rest];
        System.arraycopy(bytes, 4 + length, absence, 0, rest);
        state.absence = events.deserializer().deserialize(Topics.CASE_EVENTS.name(), absence);
      }
      return state;
    };
  }
}
