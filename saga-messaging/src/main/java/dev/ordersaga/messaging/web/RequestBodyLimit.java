package dev.ordersaga.messaging.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the limit with 413 and a problem+json body, before
 * anything reads it. A declared {@code Content-Length} is checked as it is; a chunked
 * body is read up to one byte past the limit, and handed on from memory when it fits.
 */
public class RequestBodyLimit extends OncePerRequestFilter implements Ordered {

	private final long maxBytes;

	public RequestBodyLimit(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/** First of all filters: nothing reads a body it would refuse. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(request, response);
			return;
		}
		if (declared < 0 && isChunked(request)) {
			byte[] body = request.getInputStream().readNBytes(Math.toIntExact(this.maxBytes + 1));
			if (body.length > this.maxBytes) {
				refuse(request, response);
				return;
			}
			chain.doFilter(new BodyInMemory(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isChunked(HttpServletRequest request) {
		String encoding = request.getHeader("Transfer-Encoding");
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// the rest of the body is not read: the connection closes after the answer
		response.setHeader("Connection", "close");
		ServletProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + this.maxBytes + " bytes");
	}

	/** The request with its body already read into memory. */
	private static final class BodyInMemory extends HttpServletRequestWrapper {

		private final byte[] body;

		BodyInMemory(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already in memory");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

	}

}
