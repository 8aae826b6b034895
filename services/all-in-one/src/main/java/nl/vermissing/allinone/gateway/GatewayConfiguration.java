package nl.vermissing.allinone.gateway;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  @Bean
  ServletRegistrationBean<ApiProxy> apiProxy(GatewayProperties properties) {
    ServletRegistrationBean<ApiProxy> registration = new ServletRegistrationBean<>(new ApiProxy(properties), "/api/*");
    registration.setAsyncSupported(true);
    return registration;
  }
}
