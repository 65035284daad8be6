package dev.ordersaga.messaging.web;

import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The APIs answer JSON (and problem+json), not YAML. Spring would also answer
 * {@code Accept: application/yaml}, with a converter it adds because a YAML library is on
 * the class path (Jackson 2's, which springdoc needs for its own YAML document): a second
 * mapper that shares none of the services' JSON settings and wrote timestamps as numbers.
 * Leaving it out of the server's converters makes such a request answer 406.
 */
public class JsonOnly implements WebMvcConfigurer {

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.configureMessageConvertersList((list) -> list.removeIf(JsonOnly::writesYaml));
	}

	private static boolean writesYaml(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_YAML::equalsTypeAndSubtype);
	}

}
