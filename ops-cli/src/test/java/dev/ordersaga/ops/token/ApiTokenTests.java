package dev.ordersaga.ops.token;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token a command sends: {@code --token}, else {@code $SAGA_TOKEN}, else an operator
 * token signed with the local key when there is one, else none.
 */
class ApiTokenTests {

	@TempDir
	static Path home;

	private static Map<String, String> withLocalKey;

	private static RSAPublicKey publicKey;

	@BeforeAll
	static void writeTheLocalKeyPair() throws Exception {
		KeyPair pair = KeyFiles.generate(2048);
		KeyFiles.write(pair, home.resolve("var/keys"));
		publicKey = (RSAPublicKey) pair.getPublic();
		withLocalKey = Map.of("SAGA_HOME", home.toString());
	}

	@Test
	void sendsTheTokenGivenWithTheOptionFirst() {
		assertThat(apiToken("--token", "from-option").resolve(withEnv("SAGA_TOKEN", "from-env")))
			.isEqualTo("from-option");
	}

	@Test
	void sendsSagaTokenWithoutTheOption() {
		assertThat(apiToken().resolve(withEnv("SAGA_TOKEN", "from-env"))).isEqualTo("from-env");
	}

	@Test
	void signsAnOperatorTokenForAnHourWithTheLocalKeyWithoutEither() throws Exception {
		String token = apiToken().resolve(withLocalKey);

		JWTClaimsSet claims = KeyFiles.verified(token, publicKey).getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("operator");
		assertThat(claims.getStringListClaim("roles")).containsExactly("operator");
		assertThat(claims.getIssuer()).isEqualTo("sagactl");
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void signsWithTheKeyNamedBySagaSigningKeyAsSagactlTokenDoes(@TempDir Path elsewhere) throws Exception {
		KeyPair other = KeyFiles.generate(2048);
		Path key = KeyFiles.write(other, elsewhere);

		String token = apiToken().resolve(Map.of("SAGA_SIGNING_KEY", key.toString(), "SAGA_HOME", home.toString()));

		assertThat(KeyFiles.verified(token, (RSAPublicKey) other.getPublic()).getJWTClaimsSet().getSubject())
			.isEqualTo("operator");
	}

	@Test
	void sendsNoTokenWithoutAKey(@TempDir Path empty) {
		assertThat(apiToken().resolve(Map.of("SAGA_HOME", empty.toString()))).isNull();
	}

	@Test
	void takesABlankValueForNone(@TempDir Path empty) {
		assertThat(apiToken("--token", " ").resolve(Map.of("SAGA_TOKEN", "", "SAGA_HOME", empty.toString()))).isNull();
	}

	private static Map<String, String> withEnv(String name, String value) {
		return Map.of(name, value, "SAGA_HOME", home.toString());
	}

	private static ApiToken apiToken(String... args) {
		ApiToken apiToken = new ApiToken();
		new CommandLine(apiToken).parseArgs(args);
		return apiToken;
	}

}
