app_name = "agendas"

urlpatterns = []
