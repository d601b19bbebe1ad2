FROM python:3.13-slim-bookworm
# Pango and harfbuzz-subset for WeasyPrint, DejaVu as the PDF fallback font.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
      libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_SECURE=true python manage.py collectstatic --no-input
USER nobody
EXPOSE 8000
