"""The app's URLs plus two baselines: a fixed string and a bare page rendering base.html."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path


def fixed(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def bare(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


urlpatterns = [
    path("__bench__/fixed/", fixed),
    path("__bench__/bare/", bare),
    path("", include("warmtenet.urls")),
]
