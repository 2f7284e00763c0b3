package dev.codemode.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body read into memory up to a limit: a larger body cancels the exchange and fails it
 * with an {@link IOException} that gives the limit, instead of filling the heap with whatever a
 * server (or a redirect) sends.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final long maxBytes;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.@Nullable Subscription subscription;

  private LimitedBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A body handler that reads at most {@code maxBytes} bytes. */
  static HttpResponse.BodyHandler<byte[]> upTo(long maxBytes) {
    return info -> new LimitedBody(maxBytes);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + (long) buffer.remaining() > maxBytes) {
        Objects.requireNonNull(subscription, "onSubscribe comes first").cancel();
        result.completeExceptionally(
            new IOException(
                "the response body is larger than " + maxBytes + " bytes, the connector's limit;"
                    + " ask for less at a time (a smaller page, fewer fields), or raise"
                    + " maxResponseBytes() in the connector"));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
