package dev.ordersaga.infra.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Creates the RSA key pair of the local stack's tokens when it is missing: {@code sagactl
 * token} signs with the private key, the services check signatures with the public one
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}). An existing
 * private key is kept, so that tokens already handed out stay valid across restarts; a
 * missing public key is derived from it.
 *
 * <p>
 * Usage: {@code EnsureSigningKeys DIRECTORY}. Writes {@value #PRIVATE_KEY} (PEM, PKCS#8,
 * readable by its owner only) and {@value #PUBLIC_KEY} (PEM, X.509 SubjectPublicKeyInfo).
 * Exits 0 with one line saying what it did, 1 with one line on standard error when a key
 * cannot be read or written.
 */
public final class EnsureSigningKeys {

	static final String PRIVATE_KEY = "token-signing.pem";

	static final String PUBLIC_KEY = "token-verification.pem";

	private static final int KEY_BITS = 2048;

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

	private EnsureSigningKeys() {
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: EnsureSigningKeys DIRECTORY");
			System.exit(2);
		}
		Path directory = Path.of(args[0]);
		try {
			System.out.println(ensure(directory));
		}
		catch (AccessDeniedException ex) {
			System.err.println(
					"Cannot prepare the token signing keys in " + directory + ": permission denied on " + ex.getFile());
			System.exit(1);
		}
		catch (IOException | GeneralSecurityException ex) {
			System.err.println("Cannot prepare the token signing keys in " + directory + ": " + ex.getMessage());
			System.exit(1);
		}
	}

	/** Creates what is missing in {@code directory}; says what it did. */
	static String ensure(Path directory) throws IOException, GeneralSecurityException {
		Path privateFile = directory.resolve(PRIVATE_KEY);
		Path publicFile = directory.resolve(PUBLIC_KEY);
		if (!Files.exists(privateFile)) {
			Files.createDirectories(directory);
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_BITS);
			KeyPair pair = generator.generateKeyPair();
			// the private key last: once it exists, the public key was written with it
			write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), READABLE);
			write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), OWNER_ONLY);
			return "token signing keys created: " + privateFile + " (RSA " + KEY_BITS + ") and " + publicFile;
		}
		RSAPublicKey derived = publicHalf(privateKey(privateFile), privateFile);
		if (derived.getModulus().bitLength() < KEY_BITS) {
			throw new GeneralSecurityException(privateFile + " is an RSA key of " + derived.getModulus().bitLength()
					+ " bits; RS256 tokens need at least " + KEY_BITS + ": delete it to create a new pair");
		}
		if (!Files.exists(publicFile)) {
			write(publicFile, pem("PUBLIC KEY", derived.getEncoded()), READABLE);
			return "token signing key kept: " + privateFile + "; derived " + publicFile + " from it";
		}
		if (!(publicKey(publicFile) instanceof RSAPublicKey existing)
				|| !existing.getModulus().equals(derived.getModulus())
				|| !existing.getPublicExponent().equals(derived.getPublicExponent())) {
			// the services would refuse every token signed with the private key
			throw new GeneralSecurityException(
					publicFile + " is not the public key of " + privateFile + "; delete it to derive it again");
		}
		return "token signing keys kept: " + privateFile + " and " + publicFile;
	}

	private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
		}
		catch (InvalidKeySpecException ex) {
			throw new GeneralSecurityException(file + " does not hold an RSA private key: " + ex.getMessage(), ex);
		}
	}

	private static PublicKey publicKey(Path file) throws IOException, GeneralSecurityException {
		try {
			return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
		}
		catch (InvalidKeySpecException ex) {
			throw new GeneralSecurityException(file + " does not hold an RSA public key: " + ex.getMessage(), ex);
		}
	}

	private static RSAPublicKey publicHalf(PrivateKey key, Path file) throws GeneralSecurityException {
		if (!(key instanceof RSAPrivateCrtKey crt)) {
			throw new GeneralSecurityException(file + " holds an RSA private key without its public exponent");
		}
		return (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
	}

	/** The bytes of the PEM block of {@code type} in {@code file}. */
	private static byte[] der(Path file, String type) throws IOException, GeneralSecurityException {
		String text = Files.readString(file, StandardCharsets.US_ASCII);
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int start = text.indexOf(begin);
		int stop = text.indexOf(end);
		if (start < 0 || stop < start) {
			throw new GeneralSecurityException(file + " is not a PEM file with a " + begin + " block");
		}
		try {
			return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), stop));
		}
		catch (IllegalArgumentException ex) {
			throw new GeneralSecurityException(file + " is not valid PEM: " + ex.getMessage(), ex);
		}
	}

	private static String pem(String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
	}

	/**
	 * Writes a temporary file next to {@code file} and moves it into place: an
	 * interrupted run leaves no half-written key behind, and the private key is never
	 * readable by others, not even for a moment (temporary files are created owner-only
	 * on POSIX).
	 */
	private static void write(Path file, String pem, Set<PosixFilePermission> permissions) throws IOException {
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
		try {
			Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temporary, permissions);
			}
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
