package nl.vermissing.allinone.gateway.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.vermissing.platform.security.ActorArgumentResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded OpenID Connect provider (Spring Authorization Server): web pages sign in with authorization code +
 * PKCE as a public client; access tokens carry the claims the services authorise on (roles, tenant, name).
 */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

  /** The public client of the web pages. */
  public static final String WEB_CLIENT_ID = "vermissing-web";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(server -> {
      http.securityMatcher(server.getEndpointsMatcher());
      server.oidc(Customizer.withDefaults());
    });
    http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  /** Pages, sign-in form and the API routes (the services check tokens themselves). */
  @Bean
  @Order(2)
  SecurityFilterChain site(HttpSecurity http, SignInThrottle throttle) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/api/**", "/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
            .requestMatchers("/", "/*.html", "/*.js", "/*.css", "/assets/**", "/register/**", "/favicon.ico").permitAll()
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .addFilterBefore(throttle, org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
        // the API uses bearer tokens (no cookies): CSRF protection applies to the sign-in form only
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                    + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  @Bean
  SignInThrottle signInThrottle() {
    return new SignInThrottle(5, 30, Duration.ofMinutes(1));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService demoUsers(PasswordEncoder encoder,
      @Value("${vermissing.identity.demo-password:demo}") String demoPassword) {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    String encoded = encoder.encode(demoPassword);
    for (DemoAccount account : DemoAccount.ALL) {
      users.createUser(User.withUsername(account.username()).password(encoded)
          .roles(account.role().name()).build());
    }
    return users;
  }

  @Bean
  RegisteredClientRepository clients(@Value("${server.port:8080}") int port) {
    RegisteredClient web = RegisteredClient.withId(UUID.nameUUIDFromBytes(WEB_CLIENT_ID.getBytes()).toString())
        .clientId(WEB_CLIENT_ID)
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri("http://localhost:" + port + "/signed-in.html")
        .redirectUri("http://127.0.0.1:" + port + "/signed-in.html")
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
        .build();
    return new InMemoryRegisteredClientRepository(List.of(web));
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(@Value("${vermissing.data-dir:data}") String dataDir) {
    return new ImmutableJWKSet<>(new JWKSet(SigningKeys.loadOrCreate(Path.of(dataDir, "identity"))));
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(@Value("${server.port:8080}") int port) {
    return AuthorizationServerSettings.builder().issuer("http://localhost:" + port).build();
  }

  /** Access and ID tokens carry the person's role, tenant and display name. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> roleAndTenantClaims() {
    return context -> {
      DemoAccount account = DemoAccount.BY_USERNAME.get(context.getPrincipal().getName());
      if (account == null) {
        return;
      }
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) || "id_token".equals(context.getTokenType().getValue())) {
        context.getClaims()
            .claim(ActorArgumentResolver.ROLES_CLAIM, List.of(account.role().name()))
            .claim(ActorArgumentResolver.TENANT_CLAIM, account.tenant())
            .claim(ActorArgumentResolver.NAME_CLAIM, account.displayName());
      }
    };
  }
}
