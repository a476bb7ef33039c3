package dev.podsearch.support.rest;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The resource methods of a service, read by reflection from its JAX-RS annotations: what a 415 answer lists as
 * accepted, and what a test compares with the OpenAPI document.
 */
public final class ResourceMethods {

    private ResourceMethods() {}

    /** The resource methods of every bean of this application whose class has {@code @Path}. */
    public static List<ResourceMethod> ofApplication() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                classes.add(bean.getBeanClass());
            }
        }
        return of(classes);
    }

    /** The resource methods of these classes, by path. */
    public static List<ResourceMethod> of(Iterable<Class<?>> resourceClasses) {
        List<ResourceMethod> methods = new ArrayList<>();
        for (Class<?> type : resourceClasses) {
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                Consumes consumes = method.isAnnotationPresent(Consumes.class)
                        ? method.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                methods.add(new ResourceMethod(
                        httpMethod,
                        join(base, sub == null ? "" : sub.value()),
                        consumes == null ? List.of() : Arrays.asList(consumes.value()),
                        queryParameters(method),
                        method));
            }
        }
        methods.sort(Comparator.comparing(ResourceMethod::path).thenComparing(ResourceMethod::httpMethod));
        return methods;
    }

    /** The media types the methods at this path and HTTP method consume; empty when none is declared or none match. */
    public static List<String> accepted(List<ResourceMethod> methods, String httpMethod, String requestPath) {
        Set<String> types = new LinkedHashSet<>();
        for (ResourceMethod method : methods) {
            if (method.httpMethod().equalsIgnoreCase(httpMethod) && method.matches(requestPath)) {
                types.addAll(method.consumes());
            }
        }
        return List.copyOf(types);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> queryParameters(Method method) {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getDeclaredFields()) {
                    QueryParam inBean = field.getAnnotation(QueryParam.class);
                    if (inBean != null) {
                        names.add(inBean.value());
                    }
                }
            }
        }
        return names;
    }

    private static String join(String base, String sub) {
        String path = "/" + strip(base) + (strip(sub).isEmpty() ? "" : "/" + strip(sub));
        return path.equals("/") ? "/" : path;
    }

    private static String strip(String part) {
        String stripped = part;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
