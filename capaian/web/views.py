from django.http import HttpRequest, HttpResponse


def beranda(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Capaian", content_type="text/plain; charset=utf-8")
