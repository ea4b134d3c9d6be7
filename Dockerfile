# briefbook serve in a container: a static binary on a distroless base.
#   docker build -t briefbook .
#   docker run --rm -p 8080:8080 -v "$PWD/source:/data:ro" briefbook
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/briefbook ./cmd/briefbook

FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/briefbook /briefbook
VOLUME /data
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/briefbook", "serve", "--addr", "0.0.0.0:8080"]
CMD ["/data"]
