package dev.ordersaga.ops.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --token}, shared by every command that calls the services' APIs: the bearer
 * token they send. Without the option, {@code $SAGA_TOKEN}; without that, an operator
 * token signed with the local key when there is one, so that the commands work against
 * the local stack as they are; otherwise none.
 */
public final class ApiToken {

	/** How long the operator token lasts that a command signs for itself. */
	private static final Duration LIFETIME = Duration.ofHours(1);

	@Option(names = "--token", paramLabel = "TOKEN",
			description = "bearer token for the services' APIs; default $SAGA_TOKEN, else an operator token "
					+ "signed with var/keys/token-signing.pem (./stack up creates it), else none")
	private @Nullable String token;

	/** The token to send, or null to send none. */
	public @Nullable String resolve() {
		return resolve(System.getenv());
	}

	@Nullable String resolve(Map<String, String> env) {
		if (this.token != null && !this.token.isBlank()) {
			return this.token;
		}
		String fromEnv = env.get("SAGA_TOKEN");
		if (fromEnv != null && !fromEnv.isBlank()) {
			return fromEnv;
		}
		Path key = TokenIssuer.localKey(env);
		return Files.exists(key) ? TokenIssuer.fromPem(key).issue(TokenIssuer.OPERATOR, Role.OPERATOR, LIFETIME) : null;
	}

}
