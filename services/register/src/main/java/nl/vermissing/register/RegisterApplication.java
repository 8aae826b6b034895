package nl.vermissing.register;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The national vermissingen register: pseudonymised episodes and national figures, never an identity. */
@SpringBootApplication
public class RegisterApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(RegisterApplication.class).properties("spring.config.name=register").run(args);
  }
}
