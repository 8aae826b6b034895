package nl.vermissing.police.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import nl.vermissing.platform.security.ActorArgumentResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The platform's API security (JWT resource server, deny by default) with one addition: a browser's EventSource
 * cannot send an Authorization header, so the live feed endpoints, and only they, also accept the token as the
 * {@code access_token} query parameter (GET only). Everywhere else a token in the URL is ignored (401).
 */
@Configuration(proxyBeanMethods = false)
public class PoliceSecurityConfiguration {

  public static final String[] FEED_PATHS = {
      "/api/police/units/{unit}/feed", "/api/police/units/{unit}/duty-officer/feed"};

  @Bean
  @Order(100)
  public SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/api/**").authenticated()
            .anyRequest().denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // bearer tokens, no cookies: CSRF does not apply to the API
        .csrf(csrf -> csrf.disable())
        .oauth2ResourceServer(rs -> rs
            .bearerTokenResolver(feedTokenResolver())
            .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter())));
    return http.build();
  }

  /** Header everywhere; header or {@code access_token} query parameter on the feed endpoints. */
  static BearerTokenResolver feedTokenResolver() {
    DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
    DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
    headerOrQuery.setAllowUriQueryParameter(true);
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    java.util.List<RequestMatcher> matchers = new ArrayList<>();
    for (String path : FEED_PATHS) {
      matchers.add(paths.matcher(HttpMethod.GET, path));
    }
    RequestMatcher feeds = new OrRequestMatcher(matchers);
    return (HttpServletRequest request) -> feeds.matches(request) ? headerOrQuery.resolve(request)
        : headerOnly.resolve(request);
  }

  static JwtAuthenticationConverter rolesConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> {
      Object roles = jwt.getClaim(ActorArgumentResolver.ROLES_CLAIM);
      Collection<GrantedAuthority> authorities = new ArrayList<>();
      if (roles instanceof Collection<?> values) {
        values.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
      }
      return authorities;
    });
    return converter;
  }
}
