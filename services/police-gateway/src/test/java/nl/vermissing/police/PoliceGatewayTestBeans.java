package nl.vermissing.police;

import java.time.Clock;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The test's clock and a JWT decoder for tokens signed with the test key. */
@TestConfiguration(proxyBeanMethods = false)
public class PoliceGatewayTestBeans {

  @Bean
  @Primary
  Clock testClock() {
    return PoliceGatewayTestBase.CLOCK;
  }

  @Bean
  @Primary
  JwtDecoder testJwtDecoder() {
    return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(PoliceGatewayTestBase.SECRET, "HmacSHA256")).build();
  }
}
