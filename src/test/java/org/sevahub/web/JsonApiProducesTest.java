package org.sevahub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON answer under /api/ declares {@code produces = application/json} (docs/errors.md): Spring then refuses
 * an Accept it cannot answer when the call is mapped, before the handler runs. Without it, the handler ran (and
 * committed a transfer) and only its answer was refused. Enumerated as {@link RouteOwnersTest} does, so a new
 * mapping without it fails here.
 */
@SevaHubTest
class JsonApiProducesTest {

	@Autowired
	ApplicationContext context;

	@Test
	void everyJsonApiMappingDeclaresItsMediaType() {
		List<String> checked = new ArrayList<>();
		List<String> undeclared = new ArrayList<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				if (!answersJson(handler) || info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
					return;
				}
				checked.add(info.toString());
				if (!info.getProducesCondition().getProducibleMediaTypes().equals(Set.of(MediaType.APPLICATION_JSON))) {
					undeclared.add(info + " (" + handler + ")");
				}
			});
		}
		assertThat(checked).as("the JSON API's mappings").hasSizeGreaterThan(15);
		assertThat(undeclared).as("JSON API mappings without produces = application/json").isEmpty();
	}

	private static boolean answersJson(HandlerMethod handler) {
		return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				|| handler.hasMethodAnnotation(ResponseBody.class);
	}

}
