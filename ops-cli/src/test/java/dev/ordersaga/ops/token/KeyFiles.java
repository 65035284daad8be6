package dev.ordersaga.ops.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSA key pairs in the files {@code ./stack up} writes: the private key in PEM, PKCS#8
 * ({@code token-signing.pem}), the public key in PEM, X.509 SubjectPublicKeyInfo
 * ({@code token-verification.pem}), as the services read it.
 */
final class KeyFiles {

	static final String PRIVATE_KEY = "token-signing.pem";

	static final String PUBLIC_KEY = "token-verification.pem";

	private KeyFiles() {
	}

	static KeyPair generate(int bits) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(bits);
		return generator.generateKeyPair();
	}

	/**
	 * Writes both keys of {@code pair} into {@code directory}; the private key's file.
	 */
	static Path write(KeyPair pair, Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
		return Files.writeString(directory.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
	}

	/** The public key of a {@code token-verification.pem}. */
	static RSAPublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
		String base64 = Files.readString(file, StandardCharsets.US_ASCII)
			.replace("-----BEGIN PUBLIC KEY-----", "")
			.replace("-----END PUBLIC KEY-----", "");
		return (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
	}

	/** {@code token} parsed, after checking that {@code key} verifies its signature. */
	static SignedJWT verified(String token, RSAPublicKey key) throws ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature verified with the public key").isTrue();
		return jwt;
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
