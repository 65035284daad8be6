package dev.ordersaga.messaging.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies past the limit are refused with 413 before anything reads them, whether their
 * length is declared or they come in chunks; bodies within it pass unchanged.
 */
class RequestBodyLimitTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RequestBodyLimit limit = new RequestBodyLimit(10);

	@Test
	void aDeclaredLengthPastTheLimitIsRefusedWithAProblem() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
		request.setContent("12345678901".getBytes(StandardCharsets.UTF_8));
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.limit.doFilter(request, response, chain);

		assertThat(chain.getRequest()).as("passed on").isNull();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = JSON.readTree(response.getContentAsByteArray());
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("title").asString()).isEqualTo("Content Too Large");
		assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than 10 bytes");
		assertThat(problem.get("instance").asString()).isEqualTo("/orders");
	}

	@Test
	void aChunkedBodyPastTheLimitIsRefused() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(chunked("12345678901"), response, chain);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsHandedOnWhole() throws Exception {
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(chunked("1234567890"), new MockHttpServletResponse(), chain);

		HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
		assertThat(passed).isNotNull();
		assertThat(passed.getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("1234567890");
		assertThat(passed.getContentLengthLong()).isEqualTo(10);
	}

	@Test
	void aBodyAtTheLimitPassesUntouched() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/products/SKU-1");
		request.setContent("1234567890".getBytes(StandardCharsets.UTF_8));
		MockFilterChain chain = new MockFilterChain();

		this.limit.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isSameAs(request);
	}

	private static MockHttpServletRequest chunked(String body) {
		MockHttpServletRequest request = new ChunkedRequest();
		request.addHeader("Transfer-Encoding", "chunked");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	/** A request whose body comes in chunks: it declares no length. */
	private static final class ChunkedRequest extends MockHttpServletRequest {

		ChunkedRequest() {
			super("POST", "/orders");
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public int getContentLength() {
			return -1;
		}

	}

}
