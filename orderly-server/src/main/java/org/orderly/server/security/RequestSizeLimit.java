package org.orderly.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies before anything reads them: {@code orderly.max-request-bytes} (default 1 MiB) for every request,
 * {@code orderly.max-import-bytes} (default 32 MiB) for the data set imports. A declared length over the cap is refused
 * at once with 413; a body of undeclared length is cut off where it passes the cap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimit extends OncePerRequestFilter {
    private final long maxRequest;
    private final long maxImport;

    public RequestSizeLimit(
            @Value("${orderly.max-request-bytes:1048576}") long maxRequest,
            @Value("${orderly.max-import-bytes:33554432}") long maxImport) {
        this.maxRequest = maxRequest;
        this.maxImport = maxImport;
    }

    /** Thrown while reading a body of undeclared length that passes the cap. */
    public static final class BodyTooLargeException extends IOException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("the request body is larger than the " + limit + " bytes this endpoint accepts");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = path.startsWith("/api/v1/imports/") ? maxImport : maxRequest;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setHeader("Connection", "close");
            response.sendError(
                    HttpStatus.CONTENT_TOO_LARGE.value(),
                    "the request body is " + declared + " bytes; this endpoint accepts at most " + limit);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Capped(request, limit), response);
    }

    /** A request whose body stream fails once more than {@code limit} bytes have been read. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CappedStream(super.getInputStream(), limit);
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                    getInputStream(),
                    getCharacterEncoding() == null
                            ? java.nio.charset.StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
