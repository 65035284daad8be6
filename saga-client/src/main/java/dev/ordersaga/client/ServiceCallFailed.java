package dev.ordersaga.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * A call to a service that did not give what was asked: no answer, an answer other than
 * 2xx (with the problem's detail when the body is RFC 9457 problem+json), or a body that
 * does not bind. Its message is one line that says which call, what came back and, where
 * it can, what to do.
 */
public final class ServiceCallFailed extends RuntimeException {

	private final String method;

	private final URI uri;

	private final int status;

	private final @Nullable String detail;

	ServiceCallFailed(String message, String method, URI uri, int status, @Nullable String detail) {
		super(message);
		this.method = method;
		this.uri = uri;
		this.status = status;
		this.detail = detail;
	}

	public String method() {
		return this.method;
	}

	public URI uri() {
		return this.uri;
	}

	/** The answer's status code, or 0 when there was no answer. */
	public int status() {
		return this.status;
	}

	/**
	 * The problem's detail, else its title, else the body, else the error description of
	 * a refused token ({@code WWW-Authenticate}); null without any of them.
	 */
	public @Nullable String detail() {
		return this.detail;
	}

}
