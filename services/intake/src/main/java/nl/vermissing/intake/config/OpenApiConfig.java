package nl.vermissing.intake.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description of the intake API (served at /v3/api-docs, Swagger UI at /swagger-ui.html). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Intake API", version = "1",
    description = "Youth profiles (grab packs), absence reports, risk assessment, updates and return."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class OpenApiConfig {}
