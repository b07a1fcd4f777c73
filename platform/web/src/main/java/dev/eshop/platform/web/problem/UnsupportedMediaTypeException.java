package dev.eshop.platform.web.problem;

import java.util.List;

/**
 * 415 {@code unsupported-media-type}: the request's content type, or an upload's actual content, is not
 * one this endpoint takes; {@code accepted} lists the ones it does (e.g. {@code image/jpeg}).
 */
public class UnsupportedMediaTypeException extends ProblemException {

    public UnsupportedMediaTypeException(List<String> accepted, String detail) {
        super(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
        with("accepted", List.copyOf(accepted));
    }
}
