#include "CCurlShim.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t global_init_once = PTHREAD_ONCE_INIT;

static void global_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

static size_t append_reply(char *data, size_t size, size_t count, void *context) {
    voyageur_http_exchange *exchange = context;
    size_t length = size * count;
    size_t needed = exchange->reply_length + length + 1;
    if (needed > exchange->reply_capacity) {
        size_t capacity = exchange->reply_capacity ? exchange->reply_capacity : 4096;
        while (capacity < needed) {
            capacity *= 2;
        }
        char *grown = realloc(exchange->reply, capacity);
        if (grown == NULL) {
            return 0; /* libcurl stops with CURLE_WRITE_ERROR */
        }
        exchange->reply = grown;
        exchange->reply_capacity = capacity;
    }
    memcpy(exchange->reply + exchange->reply_length, data, length);
    exchange->reply_length += length;
    exchange->reply[exchange->reply_length] = '\0';
    return length;
}

/* libcurl calls this at least once a second while the exchange runs. */
static int check_cancelled(void *context, curl_off_t download_total, curl_off_t downloaded,
                           curl_off_t upload_total, curl_off_t uploaded) {
    (void)download_total;
    (void)downloaded;
    (void)upload_total;
    (void)uploaded;
    const int *flag = context;
    return flag != NULL && __atomic_load_n(flag, __ATOMIC_ACQUIRE) != 0;
}

static voyageur_http_outcome outcome_of(CURLcode code) {
    switch (code) {
    case CURLE_OK:
        return VOYAGEUR_HTTP_COMPLETED;
    case CURLE_COULDNT_CONNECT:
        return VOYAGEUR_HTTP_CONNECT_FAILED;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return VOYAGEUR_HTTP_HOST_NOT_FOUND;
    case CURLE_OPERATION_TIMEDOUT:
        return VOYAGEUR_HTTP_TIMED_OUT;
    case CURLE_ABORTED_BY_CALLBACK:
        return VOYAGEUR_HTTP_CANCELLED;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        return VOYAGEUR_HTTP_CONNECTION_LOST;
    default:
        return VOYAGEUR_HTTP_FAILED;
    }
}

voyageur_http_outcome voyageur_http_perform(voyageur_http_exchange *exchange) {
    pthread_once(&global_init_once, global_init);
    exchange->status = 0;
    exchange->error[0] = '\0';

    CURL *curl = curl_easy_init();
    if (curl == NULL) {
        snprintf(exchange->error, sizeof exchange->error, "cannot allocate a transfer");
        return VOYAGEUR_HTTP_FAILED;
    }
    struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
    if (exchange->body != NULL) {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        /* Send the body at once instead of waiting for "100 Continue". */
        headers = curl_slist_append(headers, "Expect:");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, exchange->body);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)exchange->body_length);
    }
    curl_easy_setopt(curl, CURLOPT_URL, exchange->url);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, exchange->method);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, exchange->timeout_ms > 0 ? exchange->timeout_ms : 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_reply);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, exchange);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, check_cancelled);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, (void *)exchange->cancelled);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, exchange->error);

    CURLcode code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &exchange->status);
    if (code != CURLE_OK && exchange->error[0] == '\0') {
        snprintf(exchange->error, sizeof exchange->error, "%s", curl_easy_strerror(code));
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return outcome_of(code);
}

void voyageur_http_exchange_release(voyageur_http_exchange *exchange) {
    free(exchange->reply);
    exchange->reply = NULL;
    exchange->reply_length = 0;
    exchange->reply_capacity = 0;
}

void voyageur_http_cancel(int *flag) { __atomic_store_n(flag, 1, __ATOMIC_RELEASE); }
