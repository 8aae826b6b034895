package nl.vermissing.platform.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of a Confluent-compatible schema registry that serdes and services need. Implementations throw
 * {@link SchemaRegistryException} carrying Confluent's error code (40401 subject not found, 40403 schema not found,
 * 409 incompatible, ...).
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (idempotent: a schema already there keeps its id) and returns its id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema getById(int id);

  /** The newest live version of the subject. */
  RegisteredSchema getLatest(String subject);

  /** The id of a schema already registered under the subject, without registering it. */
  int getId(String subject, Schema schema);

  /** All subjects with at least one live version. */
  List<String> subjects();

  /** Whether the schema may be registered under the subject given the subject's compatibility level. */
  boolean isCompatible(String subject, Schema schema);
}
