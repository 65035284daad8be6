package dev.ordersaga.ops.token;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ordersaga.ops.Sagactl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sagactl token} signs with a key pair written as {@code ./stack up} writes it;
 * each token is checked with the public key file the services read.
 */
class TokenCommandTests {

	/** What the command printed and how it exited. */
	record Run(int exitCode, String out, String err) {
	}

	@TempDir
	static Path keys;

	private static Path privateKey;

	private static RSAPublicKey publicKey;

	@BeforeAll
	static void writeAKeyPair() throws Exception {
		privateKey = KeyFiles.write(KeyFiles.generate(2048), keys);
		publicKey = KeyFiles.readPublic(keys.resolve(KeyFiles.PUBLIC_KEY));
	}

	@Test
	void signsACustomerTokenWhoseSubjectIsTheCustomersId() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Run run = sagactl("token", "--customer", "c-1", "--key", privateKey.toString());
		Instant after = Instant.now();

		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).endsWith("\n").doesNotContain(" ").hasLineCount(1);
		SignedJWT token = KeyFiles.verified(run.out().strip(), publicKey);
		assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(token.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		JWTClaimsSet claims = token.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("c-1");
		assertThat(claims.getStringListClaim("roles")).containsExactly("customer");
		assertThat(claims.getIssuer()).isEqualTo("sagactl");
		assertThat(claims.getIssueTime().toInstant()).isBetween(before, after);
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void signsAnOperatorTokenForOperatorByDefault() throws Exception {
		JWTClaimsSet claims = claimsOf(sagactl("token", "--operator", "--key", privateKey.toString()));

		assertThat(claims.getSubject()).isEqualTo("operator");
		assertThat(claims.getStringListClaim("roles")).containsExactly("operator");
	}

	@Test
	void namesTheOperatorGivenWithSubject() throws Exception {
		JWTClaimsSet claims = claimsOf(
				sagactl("token", "--operator", "--subject", "alice", "--key", privateKey.toString()));

		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getStringListClaim("roles")).containsExactly("operator");
	}

	@Test
	void expiresAfterTheDurationGiven() throws Exception {
		JWTClaimsSet claims = claimsOf(
				sagactl("token", "--customer", "c-2", "--expires", "15m", "--key", privateKey.toString()));

		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void needsEitherACustomerOrTheOperator() {
		Run run = sagactl("token", "--key", privateKey.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err())
			.startsWith("Error: Missing required argument (specify one of these): (--customer=ID | --operator)");
	}

	@Test
	void refusesACustomerAndTheOperatorTogether() {
		Run run = sagactl("token", "--customer", "c-1", "--operator", "--key", privateKey.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).startsWith("Error: --customer=ID, --operator are mutually exclusive");
	}

	@Test
	void refusesACustomerIdTheServicesWouldNotAccept() {
		assertThat(sagactl("token", "--customer", "c 1", "--key", privateKey.toString())).isEqualTo(
				new Run(2, "", "sagactl: --customer: 'c 1' is not an id: 1 to 100 letters, digits, '.', '_' or '-'\n"));
		assertThat(sagactl("token", "--customer", "c".repeat(101), "--key", privateKey.toString()).exitCode())
			.isEqualTo(2);
		assertThat(sagactl("token", "--customer", "c".repeat(100), "--key", privateKey.toString()).exitCode()).isZero();
	}

	@Test
	void refusesASubjectForACustomer() {
		assertThat(sagactl("token", "--customer", "c-1", "--subject", "alice", "--key", privateKey.toString()))
			.isEqualTo(new Run(2, "", "sagactl: --subject goes with --operator: a customer's subject is its id\n"));
	}

	@Test
	void refusesAnOperatorNameTheServicesWouldNotAccept() {
		assertThat(sagactl("token", "--operator", "--subject", "al/ice", "--key", privateKey.toString()))
			.isEqualTo(new Run(2, "",
					"sagactl: --subject: 'al/ice' is not an id: 1 to 100 letters, digits, '.', '_' or '-'\n"));
	}

	@Test
	void refusesAnExpiryThatIsNotAPositiveDuration() {
		assertThat(sagactl("token", "--operator", "--expires", "0s", "--key", privateKey.toString()))
			.isEqualTo(new Run(2, "", "sagactl: --expires must be at least 1s\n"));
		assertThat(sagactl("token", "--operator", "--expires", "500ms", "--key", privateKey.toString()))
			.isEqualTo(new Run(2, "", "sagactl: --expires must be at least 1s\n"));
		assertThat(sagactl("token", "--operator", "--expires", "soon", "--key", privateKey.toString()))
			.isEqualTo(new Run(2, "", "sagactl: --expires: 'soon' is not a duration such as 30s, 500ms or 2m\n"));
	}

	@Test
	void namesTheMissingKeyAndWhatCreatesIt(@TempDir Path empty) {
		Path missing = empty.resolve("var/keys/token-signing.pem");

		assertThat(sagactl("token", "--operator", "--key", missing.toString())).isEqualTo(new Run(1, "",
				"sagactl: no signing key at " + missing + ": ./stack up creates it (or pass --key FILE)\n"));
	}

	@Test
	void namesAKeyFileThatHoldsNoPrivateKey() {
		Path publicKeyFile = keys.resolve(KeyFiles.PUBLIC_KEY);

		assertThat(sagactl("token", "--operator", "--key", publicKeyFile.toString())).isEqualTo(new Run(1, "",
				"sagactl: " + publicKeyFile + " is not a private key in PEM (-----BEGIN PRIVATE KEY-----, PKCS#8)\n"));
	}

	@Test
	void namesAPrivateKeyThatIsNotRsa(@TempDir Path other) throws IOException {
		Path broken = Files.writeString(other.resolve("broken.pem"),
				"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

		Run run = sagactl("token", "--operator", "--key", broken.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).startsWith("sagactl: " + broken + " does not hold a usable RSA private key: ");
	}

	@Test
	void refusesAKeyTooShortForRs256(@TempDir Path other) throws Exception {
		Path weak = KeyFiles.write(KeyFiles.generate(1024), other);

		Run run = sagactl("token", "--operator", "--key", weak.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).startsWith("sagactl: " + weak + " does not hold a usable RSA private key: ")
			.contains("2048");
	}

	@Test
	void looksForTheKeyInSagaSigningKeyThenInSagaHomeThenInTheWorkingDirectory() {
		assertThat(TokenIssuer.localKey(Map.of("SAGA_SIGNING_KEY", "/etc/saga/key.pem", "SAGA_HOME", "/opt/saga")))
			.isEqualTo(Path.of("/etc/saga/key.pem"));
		assertThat(TokenIssuer.localKey(Map.of("SAGA_HOME", "/opt/saga")))
			.isEqualTo(Path.of("/opt/saga/var/keys/token-signing.pem"));
		assertThat(TokenIssuer.localKey(Map.of())).isEqualTo(Path.of("var/keys/token-signing.pem"));
		assertThat(TokenIssuer.localKey(Map.of()).toAbsolutePath())
			.isEqualTo(Path.of(System.getProperty("user.dir"), "var", "keys", "token-signing.pem"));
	}

	private static JWTClaimsSet claimsOf(Run run) throws Exception {
		assertThat(run.exitCode()).as(run.err()).isZero();
		return KeyFiles.verified(run.out().strip(), publicKey).getJWTClaimsSet();
	}

	private static Run sagactl(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = Sagactl.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(err));
		return new Run(commandLine.execute(args), out.toString().replace(System.lineSeparator(), "\n"),
				err.toString().replace(System.lineSeparator(), "\n"));
	}

}
