package nl.vermissing.platform.registry;

/** Confluent's framing of a record: magic byte 0, the schema id as 4-byte big-endian int, then the Avro binary. */
final class WireFormat {

  static final byte MAGIC_BYTE = 0;
  static final int HEADER_SIZE = 5;

  private WireFormat() {}
}
