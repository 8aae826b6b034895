package nl.vermissing.platform.web;

/** Finds the JSON field a deserialization failure is about, so the error can name it. */
final class JsonPaths {

  private JsonPaths() {}

  static String fieldOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (var ref : d.getPath()) {
          if (ref.getPropertyName() != null) {
            if (!path.isEmpty()) {
              path.append('.');
            }
            path.append(ref.getPropertyName());
          } else if (ref.getIndex() >= 0) {
            path.append('[').append(ref.getIndex()).append(']');
          }
        }
        return path.isEmpty() ? null : path.toString();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
