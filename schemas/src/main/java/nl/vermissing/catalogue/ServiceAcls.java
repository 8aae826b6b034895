package nl.vermissing.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least-privilege Kafka ACLs per service principal, derived from the topic catalogue: a service may write only the
 * topics it is the writer of (and its own dead-letter and Kafka Streams internal topics), read only the topics it
 * is a reader of, and use only its own consumer groups and transactional ids.
 */
public final class ServiceAcls {

  private ServiceAcls() {}

  /** The Kafka principal of a service: {@code User:<service>} (SCRAM user name = service name). */
  public static String principal(String service) {
    return "User:" + service;
  }

  /** Prefix of the service's consumer groups, Streams application id and transactional ids. */
  public static String applicationPrefix(String service) {
    return "vermissing-" + service;
  }

  public static List<AclBinding> forService(String service) {
    List<AclBinding> acls = new ArrayList<>();
    String principal = principal(service);
    for (Topic<?> topic : Topics.ALL) {
      if (topic.writer().equals(service)) {
        allow(acls, principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL,
            AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS);
      }
      if (topic.readers().contains(service)) {
        allow(acls, principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL,
            AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
        // the consumer's dead-letter topic for this input
        allow(acls, principal, ResourceType.TOPIC, Topics.deadLetter(service, topic.name()), PatternType.LITERAL,
            AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
      }
    }
    if (service.equals(Topics.SCHEMA_REGISTRY)) {
      allow(acls, principal, ResourceType.TOPIC, Topics.SCHEMAS, PatternType.LITERAL, AclOperation.READ,
          AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS);
    }
    String prefix = applicationPrefix(service);
    // Kafka Streams changelog and repartition topics are named <application.id>-...
    allow(acls, principal, ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.ALL);
    allow(acls, principal, ResourceType.GROUP, prefix, PatternType.PREFIXED, AclOperation.READ,
        AclOperation.DESCRIBE);
    allow(acls, principal, ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.WRITE,
        AclOperation.DESCRIBE);
    allow(acls, principal, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL,
        AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE);
    return acls;
  }

  /** Every service that has a principal. */
  public static List<String> services() {
    return List.of(Topics.INTAKE, Topics.CONVENANT, Topics.POLICE_GATEWAY, Topics.FOLLOW_UP, Topics.REGISTER,
        Topics.AUDIT, Topics.SCHEMA_REGISTRY);
  }

  private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name,
      PatternType pattern, AclOperation... operations) {
    for (AclOperation operation : operations) {
      acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
          new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
    }
  }

  /** Prints the ACLs as {@code kafka-acls.sh} commands for a deployment. */
  public static void main(String[] args) {
    for (String service : services()) {
      System.out.println("# " + service);
      for (AclBinding acl : forService(service)) {
        System.out.printf("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add "
                + "--allow-principal %s --operation %s --%s %s%s%n",
            acl.entry().principal(), acl.entry().operation().name().replace('_', '-'),
            switch (acl.pattern().resourceType()) {
              case TOPIC -> "topic";
              case GROUP -> "group";
              case TRANSACTIONAL_ID -> "transactional-id";
              default -> "cluster";
            },
            acl.pattern().resourceType() == ResourceType.CLUSTER ? "" : acl.pattern().name(),
            acl.pattern().patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "");
      }
    }
  }
}
