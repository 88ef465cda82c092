package de.impftermin.admission.web;

import de.impftermin.admission.TicketStatus;
import de.impftermin.admission.WaitingRoom;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/waiting-room/tickets")
@Tag(name = "Waiting room")
class WaitingRoomController {

    private final WaitingRoom waitingRoom;

    WaitingRoomController(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TicketStatus join() {
        return waitingRoom.join();
    }

    @GetMapping("/{ticket}")
    TicketStatus status(@PathVariable String ticket) {
        return waitingRoom.status(ticket);
    }
}
