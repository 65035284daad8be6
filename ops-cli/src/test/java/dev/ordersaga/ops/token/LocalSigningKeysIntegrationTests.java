package dev.ordersaga.ops.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys {@code ./stack up} creates with infra's {@code EnsureSigningKeys} sign and
 * verify the tokens of {@code sagactl token}. ops-cli does not depend on infra, and infra
 * has no tests of its own: the program is compiled here from its source file (it needs
 * nothing but the JDK) and run as a separate process, as the stack runs it.
 */
class LocalSigningKeysIntegrationTests {

	private static final Path SOURCE = Path
		.of("..", "infra", "src", "main", "java", "dev", "ordersaga", "infra", "security", "EnsureSigningKeys.java")
		.toAbsolutePath()
		.normalize();

	@TempDir
	static Path classes;

	@BeforeAll
	static void compileEnsureSigningKeys() {
		assertThat(
				ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), SOURCE.toString()))
			.as("javac " + SOURCE)
			.isZero();
	}

	/** What the program printed and how it exited. */
	record Run(int exitCode, String out, String err) {
	}

	@Test
	void createsAKeyPairThatVerifiesTheTokensSagactlSigns(@TempDir Path home) throws Exception {
		Path keys = home.resolve("var/keys");

		Run run = ensureSigningKeys(keys);

		assertThat(run).isEqualTo(new Run(0, "token signing keys created: " + keys.resolve(KeyFiles.PRIVATE_KEY)
				+ " (RSA 2048) and " + keys.resolve(KeyFiles.PUBLIC_KEY) + "\n", ""));
		Path privateKey = keys.resolve(KeyFiles.PRIVATE_KEY);
		List<String> privateLines = Files.readAllLines(privateKey, StandardCharsets.US_ASCII);
		assertThat(privateLines.getFirst()).isEqualTo("-----BEGIN PRIVATE KEY-----");
		assertThat(privateLines.getLast()).isEqualTo("-----END PRIVATE KEY-----");
		assertThat(privateLines.subList(1, privateLines.size() - 1))
			.allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(64).matches("[A-Za-z0-9+/=]+"));
		assertThat(Files.readString(keys.resolve(KeyFiles.PUBLIC_KEY))).startsWith("-----BEGIN PUBLIC KEY-----\n")
			.endsWith("-----END PUBLIC KEY-----\n");
		if (Files.getFileStore(privateKey).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
		}
		String token = TokenIssuer.fromPem(TokenIssuer.localKey(Map.of("SAGA_HOME", home.toString())))
			.issue("c-1", Role.CUSTOMER, Duration.ofMinutes(5));
		JWTClaimsSet claims = KeyFiles.verified(token, KeyFiles.readPublic(keys.resolve(KeyFiles.PUBLIC_KEY)))
			.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("c-1");
		assertThat(claims.getStringListClaim("roles")).containsExactly("customer");
	}

	@Test
	void keepsTheKeysItFindsAndDerivesAMissingPublicKey(@TempDir Path keys) throws Exception {
		ensureSigningKeys(keys);
		String privateKey = Files.readString(keys.resolve(KeyFiles.PRIVATE_KEY));
		String publicKey = Files.readString(keys.resolve(KeyFiles.PUBLIC_KEY));

		assertThat(ensureSigningKeys(keys)).isEqualTo(new Run(0, "token signing keys kept: "
				+ keys.resolve(KeyFiles.PRIVATE_KEY) + " and " + keys.resolve(KeyFiles.PUBLIC_KEY) + "\n", ""));
		Files.delete(keys.resolve(KeyFiles.PUBLIC_KEY));
		assertThat(ensureSigningKeys(keys))
			.isEqualTo(new Run(0, "token signing key kept: " + keys.resolve(KeyFiles.PRIVATE_KEY) + "; derived "
					+ keys.resolve(KeyFiles.PUBLIC_KEY) + " from it\n", ""));

		assertThat(Files.readString(keys.resolve(KeyFiles.PRIVATE_KEY))).isEqualTo(privateKey);
		assertThat(Files.readString(keys.resolve(KeyFiles.PUBLIC_KEY))).isEqualTo(publicKey);
	}

	@Test
	void readsKeysWrittenTheWaySagactlReadsThem(@TempDir Path keys) throws Exception {
		KeyFiles.write(KeyFiles.generate(2048), keys);

		assertThat(ensureSigningKeys(keys).out()).startsWith("token signing keys kept: ");
	}

	@Test
	void failsInOneLineOnAKeyItCannotRead(@TempDir Path keys) throws Exception {
		Files.writeString(keys.resolve(KeyFiles.PRIVATE_KEY), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n");

		assertThat(ensureSigningKeys(keys)).isEqualTo(new Run(1, "",
				"Cannot prepare the token signing keys in " + keys + ": " + keys.resolve(KeyFiles.PRIVATE_KEY)
						+ " is not a PEM file with a -----BEGIN PRIVATE KEY----- block\n"));
	}

	@Test
	void refusesAPublicKeyThatIsNotThePrivateKeysOwn(@TempDir Path keys, @TempDir Path other) throws Exception {
		ensureSigningKeys(keys);
		KeyFiles.write(KeyFiles.generate(2048), other);
		Files.copy(other.resolve(KeyFiles.PUBLIC_KEY), keys.resolve(KeyFiles.PUBLIC_KEY),
				StandardCopyOption.REPLACE_EXISTING);

		assertThat(ensureSigningKeys(keys)).isEqualTo(new Run(1, "",
				"Cannot prepare the token signing keys in " + keys + ": " + keys.resolve(KeyFiles.PUBLIC_KEY)
						+ " is not the public key of " + keys.resolve(KeyFiles.PRIVATE_KEY)
						+ "; delete it to derive it again\n"));
	}

	private static Run ensureSigningKeys(Path directory) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp", classes.toString(),
				"dev.ordersaga.infra.security.EnsureSigningKeys", directory.toString())
			.start();
		process.getOutputStream().close();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("EnsureSigningKeys ended").isTrue();
		return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
				new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

}
