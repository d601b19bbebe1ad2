"""The app's URLs plus a bare view: the baseline every budget is a ratio of."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


urlpatterns = [
    path("__bench__/bare/", bare, name="bench_bare"),
    path("", include("warmtenet.urls")),
]
