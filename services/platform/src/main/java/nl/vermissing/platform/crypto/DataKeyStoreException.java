package nl.vermissing.platform.crypto;

/**
 * A data key cannot be stored or opened: wrong master key, damaged key file, or an unwritable key folder. Never
 * swallowed: reading on with a broken key store would silently turn every personal field into "unreadable".
 */
public class DataKeyStoreException extends RuntimeException {

  public DataKeyStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public DataKeyStoreException(String message) {
    super(message);
  }
}
