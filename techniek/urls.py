from django.urls import path

from . import views

app_name = "techniek"

urlpatterns = [
    path("", views.concepts, name="concepts"),
    path("quickscan/", views.quickscan, name="quickscan"),
]
