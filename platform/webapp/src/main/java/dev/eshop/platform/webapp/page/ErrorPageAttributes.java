package dev.eshop.platform.webapp.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;
import java.util.Objects;

/**
 * Boot's error attributes plus what the error pages show: a message a person can read (never the
 * exception's) and the request's trace id as the reference.
 */
class ErrorPageAttributes extends DefaultErrorAttributes {

    private final TraceIds traceIds;

    ErrorPageAttributes(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
        int status = attributes.get("status") instanceof Integer code ? code : 500;
        attributes.put("message", ErrorPages.messageFor(status));
        if (webRequest instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest request) {
            attributes.put("traceId", Objects.toString(traceIds.of(request), ""));
        }
        return attributes;
    }
}
